package dev.stormproof.device;

/** The device answered with data that is malformed or truncated (a PNG without IEND, a raw frame shorter than its header says). */
public class DeviceProtocolException extends DeviceException {
  private static final long serialVersionUID = 1L;

  public DeviceProtocolException(String message) {
    super(message);
  }

  public DeviceProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
