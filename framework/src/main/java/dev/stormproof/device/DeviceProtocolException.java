package dev.stormproof.device;

/** The device answered with data that is malformed or truncated (a PNG without IEND, a raw frame shorter than its header says). */
public class DeviceProtocolException extends DeviceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, on which device, and what to do about it
   */
  public DeviceProtocolException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the underlying failure.
   *
   * @param message what failed, on which device, and what to do about it
   * @param cause the I/O or protocol error behind it
   */
  public DeviceProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
