package dev.stormproof.device;

/** No device matches the selection (unknown serial, no device attached, unreachable adb server). */
public class DeviceNotFoundException extends DeviceException {
  private static final long serialVersionUID = 1L;

  public DeviceNotFoundException(String message) {
    super(message);
  }

  public DeviceNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
