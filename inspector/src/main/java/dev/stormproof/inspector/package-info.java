/**
 * The inspector: a local web page over a live device to cut templates, see how every template
 * of the library matches, and record taps and swipes as Java. Start it with {@link
 * dev.stormproof.inspector.InspectorMain}; embed it with {@link dev.stormproof.inspector.Inspector}.
 */
package dev.stormproof.inspector;
