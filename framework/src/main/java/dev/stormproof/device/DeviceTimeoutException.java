package dev.stormproof.device;

/** A device call did not complete within its timeout (a hung device or a blocked stream). */
public class DeviceTimeoutException extends DeviceException {
  private static final long serialVersionUID = 1L;

  public DeviceTimeoutException(String message) {
    super(message);
  }

  public DeviceTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
