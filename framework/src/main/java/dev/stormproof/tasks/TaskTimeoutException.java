package dev.stormproof.tasks;

/**
 * Tasks were still running at the scope's deadline (or when the scope closed after its close
 * timeout) and were cancelled. The message lists each with its fork site and stack at the time.
 */
public class TaskTimeoutException extends TaskScopeException {
  private static final long serialVersionUID = 1L;

  TaskTimeoutException(String message) {
    super(message, null);
  }
}
