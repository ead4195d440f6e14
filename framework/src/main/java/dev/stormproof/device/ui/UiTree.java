package dev.stormproof.device.ui;

import dev.stormproof.device.Device;
import dev.stormproof.device.ShellResult;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * An app's UI tree as {@code uiautomator dump} writes it ({@code <hierarchy><node ...>}), parsed
 * into {@link UiNode}s with bounds. Immutable. Works on the dumps of Android 4.3 to 14: unknown
 * attributes (such as {@code drawing-order}, {@code hint}, {@code display-id}) are ignored and
 * missing ones read as empty or false.
 */
public final class UiTree {

  private static final Pattern BOUNDS = Pattern.compile("\\[(-?\\d+),(-?\\d+)]\\[(-?\\d+),(-?\\d+)]");
  private static final String DUMP = "uiautomator dump /dev/tty";

  private final List<UiNode> roots;
  private final List<UiNode> all = new ArrayList<>();

  private UiTree(List<UiNode> roots) {
    this.roots = List.copyOf(roots);
    roots.forEach(this::flatten);
  }

  private void flatten(UiNode n) {
    all.add(n);
    n.children().forEach(this::flatten);
  }

  /**
   * Dumps the UI tree of what {@code device} shows ({@code uiautomator dump /dev/tty}).
   *
   * @param device the device
   * @return the tree
   * @throws IllegalStateException naming the output and the fix when the device gives no tree
   */
  public static UiTree dump(Device device) {
    ShellResult r = device.shell(DUMP);
    String out = r.stdout();
    int start = out.indexOf("<hierarchy");
    int end = out.lastIndexOf("</hierarchy>");
    if (start < 0 || end < start) {
      String said = (out + r.stderr()).strip();
      throw new IllegalStateException("'" + DUMP + "' on " + device.serial() + " gave no UI tree (exit " + r.exitCode()
          + ", output '" + (said.length() > 200 ? said.substring(0, 200) + "..." : said) + "'): the app may draw "
          + "everything itself (a game: read it with vision.text()) or the device lacks uiautomator");
    }
    return parse(out.substring(start, end + "</hierarchy>".length()));
  }

  /**
   * Parses a dump.
   *
   * @param xml the file {@code uiautomator dump} wrote
   * @return the tree
   * @throws IllegalArgumentException naming the line and the problem when it is not a dump
   */
  public static UiTree parse(String xml) {
    Element root;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      // A dump has no DTD; refusing one keeps a hostile file from reaching the network or disk.
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      root = b.parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (SAXParseException e) {
      throw new IllegalArgumentException("UI dump is not well-formed XML at line " + e.getLineNumber() + ", column "
          + e.getColumnNumber() + ": " + e.getMessage() + "; pass the whole file uiautomator dump wrote", e);
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new IllegalArgumentException("UI dump could not be read: " + e.getMessage(), e);
    }
    if (!root.getTagName().equals("hierarchy")) {
      throw new IllegalArgumentException("UI dump starts with <" + root.getTagName() + ">, not <hierarchy>: "
          + "pass the file uiautomator dump wrote");
    }
    return new UiTree(children(root));
  }

  private static List<UiNode> children(Element parent) {
    List<UiNode> out = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && e.getTagName().equals("node")) {
        out.add(node(e));
      }
    }
    return out;
  }

  private static UiNode node(Element e) {
    String bounds = e.getAttribute("bounds");
    Matcher m = BOUNDS.matcher(bounds);
    if (!m.matches()) {
      throw new IllegalArgumentException("UI dump node " + e.getAttribute("class") + " has bounds '" + bounds
          + "', not [left,top][right,bottom]: the dump is damaged; dump it again");
    }
    int index;
    try {
      index = e.getAttribute("index").isEmpty() ? 0 : Integer.parseInt(e.getAttribute("index"));
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("UI dump node " + e.getAttribute("class") + " has index '"
          + e.getAttribute("index") + "', not a whole number: the dump is damaged; dump it again", ex);
    }
    return new UiNode(index, e.getAttribute("text"), e.getAttribute("resource-id"), e.getAttribute("class"),
        e.getAttribute("package"), e.getAttribute("content-desc"), Boolean.parseBoolean(e.getAttribute("clickable")),
        Boolean.parseBoolean(e.getAttribute("enabled")), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), children(e));
  }

  /**
   * The top-level nodes (usually one per window).
   *
   * @return the roots
   */
  public List<UiNode> roots() {
    return roots;
  }

  /**
   * Every node, depth first in dump order.
   *
   * @return all nodes
   */
  public List<UiNode> nodes() {
    return List.copyOf(all);
  }

  /**
   * Every node {@code selector} matches, depth first in dump order.
   *
   * @param selector the conditions
   * @return the matching nodes, possibly none
   */
  public List<UiNode> findAll(UiSelector selector) {
    return all.stream().filter(selector::matches).toList();
  }

  /**
   * The first node {@code selector} matches.
   *
   * @param selector the conditions
   * @return the node, if any
   */
  public Optional<UiNode> find(UiSelector selector) {
    return all.stream().filter(selector::matches).findFirst();
  }
}
