package com.example.arena;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.junit.OnDevice;
import dev.stormproof.tasks.TaskScope;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Not in the README: proves that tasks run on virtual threads where the JVM has them (21+). */
@OnDevice
class TaskThreadsTest {

  @Test
  void tasksRunOnVirtualThreadsFromJava21(TaskScope tasks) throws Exception {
    AtomicReference<Thread> ran = new AtomicReference<>();
    tasks.fork(() -> ran.set(Thread.currentThread()));
    tasks.join();
    boolean java21 = Runtime.version().feature() >= 21;
    System.out.println("[consumer] Java " + Runtime.version().feature() + ", JUnit " + Test.class.getPackage().getImplementationVersion()
        + ", task thread " + ran.get());
    // Compiled for 17: Thread.isVirtual() is looked up, as a user on 17 would have to.
    boolean virtual = java21 && (boolean) Thread.class.getMethod("isVirtual").invoke(ran.get());
    assertThat(virtual).as("task thread virtual on Java " + Runtime.version().feature()).isEqualTo(java21);
  }
}
