package dev.stormproof.device;

/** A device command ran and failed (non-zero exit code). */
public class DeviceCommandException extends DeviceException {
  private static final long serialVersionUID = 1L;

  public DeviceCommandException(String message) {
    super(message);
  }

  public DeviceCommandException(String message, Throwable cause) {
    super(message, cause);
  }
}
