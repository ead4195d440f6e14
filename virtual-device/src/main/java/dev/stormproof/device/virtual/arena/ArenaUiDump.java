package dev.stormproof.device.virtual.arena;

import java.util.List;

/**
 * Arena's scene in the XML {@code uiautomator dump} writes, so UI-tree code paths run on the
 * virtual device as on a phone: one {@code FrameLayout} for the window, one node per visible
 * element with Android's attribute set and order (index, text, resource-id, class, package,
 * content-desc, the boolean states, bounds). Buttons are {@code android.widget.Button}, labels
 * {@code TextView}, the name field {@code EditText}, sprites {@code ImageView} (their name as
 * content description, as an accessible app would label an image), panels {@code FrameLayout}.
 */
public final class ArenaUiDump {

  private ArenaUiDump() {}

  /**
   * The dump of {@code scene}.
   *
   * @param scene what a frame shows
   * @return the XML, as {@code uiautomator dump} writes it
   */
  public static String xml(Scene scene) {
    StringBuilder sb = new StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>");
    sb.append("<hierarchy rotation=\"").append(scene.size().landscape() ? 1 : 0).append("\">");
    node(sb, 0, "", "", "android.widget.FrameLayout", "", false,
        new Bounds(0, 0, scene.size().width(), scene.size().height()));
    List<SceneElement> elements = scene.elements();
    for (int i = 0; i < elements.size(); i++) {
      SceneElement e = elements.get(i);
      String cls = switch (e.kind()) {
        case BUTTON -> "android.widget.Button";
        case FIELD -> "android.widget.EditText";
        case LABEL -> "android.widget.TextView";
        case SPRITE -> "android.widget.ImageView";
        case PANEL -> "android.widget.FrameLayout";
      };
      String desc = e.kind() == SceneElement.Kind.SPRITE ? e.name() : "";
      node(sb, i, e.text(), ArenaGame.PACKAGE + ":id/" + e.name(), cls, desc, e.tappable(), e.bounds());
      sb.append("/>");
    }
    return sb.append("</node></hierarchy>").toString();
  }

  private static void node(StringBuilder sb, int index, String text, String id, String cls, String desc,
      boolean clickable, Bounds b) {
    sb.append("<node index=\"").append(index).append("\" text=\"").append(escape(text))
        .append("\" resource-id=\"").append(escape(id)).append("\" class=\"").append(cls)
        .append("\" package=\"").append(ArenaGame.PACKAGE).append("\" content-desc=\"").append(escape(desc))
        .append("\" checkable=\"false\" checked=\"false\" clickable=\"").append(clickable)
        .append("\" enabled=\"true\" focusable=\"").append(clickable).append("\" focused=\"false\" scrollable=\"false\"")
        .append(" long-clickable=\"false\" password=\"false\" selected=\"false\" bounds=\"[")
        .append(b.x()).append(',').append(b.y()).append("][").append(b.right()).append(',').append(b.bottom())
        .append("]\"");
    if (id.isEmpty()) {
      sb.append('>'); // the window node stays open for its children
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
