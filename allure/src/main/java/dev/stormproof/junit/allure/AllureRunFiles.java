package dev.stormproof.junit.allure;

import dev.stormproof.allure.AllureEnvironment;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the run-level Allure files (categories, environment, executor) into the results
 * directory when the test plan finishes, so every report generated from it has them. Registered
 * as a {@link TestExecutionListener} service; does nothing when Allure's results directory is
 * not writable (it logs why). Users do not call it.
 */
public final class AllureRunFiles implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    AllureEnvironment.fromSystem().writeRunFiles();
  }
}
