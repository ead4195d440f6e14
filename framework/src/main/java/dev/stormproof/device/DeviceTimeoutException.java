package dev.stormproof.device;

/** A device call did not complete within its timeout (a hung device or a blocked stream). */
public class DeviceTimeoutException extends DeviceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, on which device, and what to do about it
   */
  public DeviceTimeoutException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the underlying failure.
   *
   * @param message what failed, on which device, and what to do about it
   * @param cause the I/O or protocol error behind it
   */
  public DeviceTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
