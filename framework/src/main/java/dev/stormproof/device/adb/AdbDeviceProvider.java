package dev.stormproof.device.adb;

import dev.stormproof.device.DeviceProvider;
import dev.stormproof.device.DeviceRequest;
import dev.stormproof.device.ProvidedDevices;
import java.util.List;

/**
 * Android devices behind adb servers (phones over USB or {@code adb connect}, emulators), as the
 * {@code adb} provider: reads {@link DeviceOptions} from the run's configuration and environment
 * and opens what {@link DeviceSelector} finds. Registered in
 * {@code META-INF/services/dev.stormproof.device.DeviceProvider}; public only for
 * {@link java.util.ServiceLoader}.
 */
public final class AdbDeviceProvider implements DeviceProvider {

  /** For {@link java.util.ServiceLoader}. */
  public AdbDeviceProvider() {}

  @Override
  public String name() {
    return "adb";
  }

  @Override
  public Kind kind() {
    return Kind.ATTACHED;
  }

  @Override
  public ProvidedDevices open(DeviceRequest request) {
    DeviceOptions options = DeviceOptions.fromConfig(request.config(), request.env()).withDevice(request.selection());
    DeviceSelector.Found found = DeviceSelector.find(options);
    return ProvidedDevices.of(found.devices(), found.description(), List.of());
  }
}
