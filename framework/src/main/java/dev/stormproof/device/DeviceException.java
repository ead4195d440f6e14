package dev.stormproof.device;

/**
 * Root of every device fault. Device calls never return short or partial data: they either
 * complete or throw one of the subtypes.
 */
public class DeviceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, on which device, and what to do about it
   */
  public DeviceException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the underlying failure.
   *
   * @param message what failed, on which device, and what to do about it
   * @param cause the I/O or protocol error behind it
   */
  public DeviceException(String message, Throwable cause) {
    super(message, cause);
  }
}
