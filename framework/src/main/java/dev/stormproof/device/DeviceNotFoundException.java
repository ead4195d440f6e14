package dev.stormproof.device;

/** No device matches the selection (unknown serial, no device attached, unreachable adb server). */
public class DeviceNotFoundException extends DeviceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, on which device, and what to do about it
   */
  public DeviceNotFoundException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the underlying failure.
   *
   * @param message what failed, on which device, and what to do about it
   * @param cause the I/O or protocol error behind it
   */
  public DeviceNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
