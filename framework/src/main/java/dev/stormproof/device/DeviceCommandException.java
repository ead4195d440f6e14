package dev.stormproof.device;

/** A device command ran and failed (non-zero exit code). */
public class DeviceCommandException extends DeviceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, on which device, and what to do about it
   */
  public DeviceCommandException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the underlying failure.
   *
   * @param message what failed, on which device, and what to do about it
   * @param cause the I/O or protocol error behind it
   */
  public DeviceCommandException(String message, Throwable cause) {
    super(message, cause);
  }
}
