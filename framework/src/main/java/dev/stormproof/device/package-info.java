/**
 * The device contract: {@link dev.stormproof.device.Device}, geometry and the
 * {@link dev.stormproof.device.DeviceException} family, and the provider seam:
 * {@link dev.stormproof.device.DeviceProvider}s (found with {@link java.util.ServiceLoader}) give
 * the devices, {@link dev.stormproof.device.DeviceSelection} picks a run's devices and says why,
 * {@link dev.stormproof.device.DevicePool} leases them to tests one at a time. No JUnit, no dadb
 * types: providers ({@code device.adb}, the virtual device) point down to this package.
 */
package dev.stormproof.device;
