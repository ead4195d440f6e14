package dev.stormproof.device;

/**
 * Root of every device fault. Device calls never return short or partial data: they either
 * complete or throw one of the subtypes.
 */
public class DeviceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DeviceException(String message) {
    super(message);
  }

  public DeviceException(String message, Throwable cause) {
    super(message, cause);
  }
}
