/**
 * Devices over ADB: {@link dev.stormproof.device.adb.AdbDevice} (dadb behind an adapter, direct
 * to adbd with TCP_NODELAY or through adb servers; bounded, typed, self-healing calls; validated
 * captures; raw input-event or {@code input} touch), {@link dev.stormproof.device.adb.DeviceOptions}
 * and {@link dev.stormproof.device.adb.DeviceSelector} (which devices a run uses),
 * {@link dev.stormproof.device.DevicePool} (exclusive leases), and
 * {@link dev.stormproof.device.adb.ShellQuote}. No dadb type appears in a public signature.
 * Depends only on {@code dev.stormproof.device}.
 */
package dev.stormproof.device.adb;
