package dev.stormproof.device.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Point;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Dumps in the formats of three Android generations (test resources), parsed and searched. */
class UiTreeTest {

  static UiTree load(String name) throws IOException {
    try (InputStream in = UiTreeTest.class.getResourceAsStream("/uidumps/" + name)) {
      return UiTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void android43WithoutResourceIdsFindsByTextDescriptionAndClass() throws IOException {
    UiTree t = load("android-4.3.xml");
    assertThat(t.nodes()).hasSize(3);
    UiNode buy = t.find(UiSelector.any().description("Buy sword")).orElseThrow();
    assertThat(buy.className()).isEqualTo("android.widget.Button");
    assertThat(buy.resourceId()).isEmpty();
    assertThat(buy.center()).isEqualTo(new Point(610, 345));
    assertThat(t.find(UiSelector.any().textContains("coins")).orElseThrow().text()).isEqualTo("Coins: 1,250");
    assertThat(t.findAll(UiSelector.any().className("Button"))).containsExactly(buy);
  }

  @Test
  void android9ResourceIdsFullOrBareAndSiblingIndex() throws IOException {
    UiTree t = load("android-9.xml");
    assertThat(t.findAll(UiSelector.any().resourceId("buy"))).hasSize(2);
    UiNode second = t.find(UiSelector.any().resourceId("com.example.shop:id/buy").index(1)).orElseThrow();
    assertThat(second.description()).isEqualTo("Buy sword");
    assertThat(second.enabled()).isFalse();
    assertThat(second.clickable()).isTrue();
    assertThat(t.roots()).singleElement().satisfies(r -> assertThat(r.right()).isEqualTo(1080));
    assertThat(t.find(UiSelector.any().text("BUY").index(2))).isEmpty();
  }

  @Test
  void android13ExtraAttributesAreIgnored() throws IOException {
    UiTree t = load("android-13.xml");
    UiNode collect = t.find(UiSelector.any().text("COLLECT")).orElseThrow();
    assertThat(collect).extracting(UiNode::left, UiNode::top, UiNode::right, UiNode::bottom)
        .containsExactly(390, 1100, 690, 1210);
    assertThat(collect.packageName()).isEqualTo("com.example.shop");
    assertThat(t.find(UiSelector.any().description("Close").className("android.widget.ImageButton"))).isPresent();
    assertThat(t.find(UiSelector.any().text("collect"))).as("text() is exact").isEmpty();
  }

  @Test
  void damagedDumpsAndEmptySelectorsFailNamingTheProblem() {
    assertThatThrownBy(() -> UiTree.parse("<hierarchy><node bounds=\"[0,0][10,10]\"></hierarchy>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("UI dump is not well-formed XML at line 1, column ")
        .hasMessageEndingWith("; pass the whole file uiautomator dump wrote");
    assertThatThrownBy(() -> UiTree.parse("<html/>")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UI dump starts with <html>, not <hierarchy>: pass the file uiautomator dump wrote");
    assertThatThrownBy(() -> UiTree.parse("<hierarchy><node class=\"android.view.View\" bounds=\"0,0,10,10\"/></hierarchy>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UI dump node android.view.View has bounds '0,0,10,10', not [left,top][right,bottom]: "
            + "the dump is damaged; dump it again");
    assertThatThrownBy(() -> UiSelector.any().text("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UiSelector text is empty: give the value the dump shows, for example text(\"OK\")");
    assertThatThrownBy(() -> UiTree.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><hierarchy/>"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("UI dump is not well-formed XML");
  }
}
