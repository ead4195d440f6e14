package dev.stormproof.leak;

import java.util.List;

/**
 * A tracked resource that can describe its current state for a leak report (a task: its thread
 * state and stack). Implemented by producers above this package, such as TaskScope's tasks.
 *
 * <p>Internal: public for {@code dev.stormproof.tasks}; not part of the API.
 */
public interface Inspectable {

  /** @return a short state, for example {@code RUNNING, thread WAITING} */
  String liveState();

  /** @return the current stack of the thread doing the work, innermost first; empty when none */
  List<StackTraceElement> liveStack();
}
