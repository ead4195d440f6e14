package dev.stormproof.inspector;

/** A request the inspector refuses; the message, shown on the page, names the value and the fix. */
final class InspectorException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  final int status;

  InspectorException(int status, String message) {
    super(message);
    this.status = status;
  }
}
