package dev.stormproof.device;

/** The connection to the device dropped or the device went offline; the connection is discarded and reopened on next use. */
public class DeviceLostException extends DeviceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, on which device, and what to do about it
   */
  public DeviceLostException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the underlying failure.
   *
   * @param message what failed, on which device, and what to do about it
   * @param cause the I/O or protocol error behind it
   */
  public DeviceLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
