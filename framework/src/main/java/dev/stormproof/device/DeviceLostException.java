package dev.stormproof.device;

/** The connection to the device dropped or the device went offline; the connection is discarded and reopened on next use. */
public class DeviceLostException extends DeviceException {
  private static final long serialVersionUID = 1L;

  public DeviceLostException(String message) {
    super(message);
  }

  public DeviceLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
