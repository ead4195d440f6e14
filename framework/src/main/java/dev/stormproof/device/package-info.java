/**
 * The device contract: {@link dev.stormproof.device.Device}, geometry and the
 * {@link dev.stormproof.device.DeviceException} family. No JUnit, no dadb types: adapters live in
 * {@code device.adb} and {@code device.virtual} and point down to this package.
 */
package dev.stormproof.device;
