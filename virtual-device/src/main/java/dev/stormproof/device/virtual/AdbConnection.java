package dev.stormproof.device.virtual;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The device side of one ADB transport connection. Its reader thread ({@link #run}) decodes
 * messages and dispatches them; services run on the device's executor. Any protocol violation
 * (bad magic, oversized payload, a message before CNXN, an unknown command) closes the
 * connection and is logged; it never reaches other connections. Deadlines from the device's
 * {@link Defense} bound the handshake, each message and (if set) idleness; a missed one closes
 * the connection the same way.
 */
final class AdbConnection implements Runnable {

  private static final System.Logger LOG = System.getLogger(AdbConnection.class.getName());
  /** Open streams per connection; more are refused with CLSE as adbd does when out of resources. */
  static final int MAX_STREAMS = 256;

  private final VirtualDevice device;
  private final Socket socket;
  private static final AtomicInteger ACCEPTED = new AtomicInteger();

  private final String name;
  private final int seq = ACCEPTED.incrementAndGet();
  private final Defense defense;
  private final OutputStream out;
  private final Map<Integer, AdbStream> streams = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private volatile int maxPayload = AdbMessage.MAX_PAYLOAD;
  private volatile int version = AdbMessage.VERSION;
  private volatile boolean connected;
  /** Unauthorized device: the host sent its public key and waits for a prompt nobody answers. */
  private volatile boolean promptPending;
  private volatile boolean closing;
  private boolean quickAck = true;

  AdbConnection(VirtualDevice device, Socket socket, String name) throws IOException {
    this.device = device;
    this.socket = socket;
    this.name = name;
    this.defense = device.options().defense();
    socket.setTcpNoDelay(true); // one small message per OKAY: Nagle would add 40 ms per round trip
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
  }

  int maxPayload() {
    return maxPayload;
  }

  /** Accept order: the oldest unfinished handshake of a peer is dropped first. */
  int seq() {
    return seq;
  }

  /** Whether CNXN completed (an unauthorized device's transport never completes it). */
  boolean handshakeDone() {
    return connected;
  }

  /** The peer's address: the device budgets connections per peer. */
  java.net.InetAddress peer() {
    return socket.getInetAddress();
  }

  @Override
  public void run() {
    try (socket) {
      DeadlineInput deadlines = new DeadlineInput(socket);
      long handshake = System.nanoTime() + defense.handshake().toNanos();
      deadlines.until(handshake, "no CNXN within " + defense.handshake().toMillis()
          + " ms of connecting");
      InputStream in = new BufferedInputStream(deadlines, 64 * 1024);
      AdbMessage m;
      while ((m = AdbMessage.read(in, AdbMessage.MAX_PAYLOAD, () -> messageStarted(deadlines)))
          != null) {
        quickAck();
        handle(m);
        betweenMessages(deadlines, handshake);
      }
    } catch (DeadlineInput.DeadlineException e) {
      LOG.log(Level.INFO, name + ": closing the connection from " + peer() + ": " + e.getMessage());
    } catch (AdbMessage.AdbProtocolException e) {
      LOG.log(Level.WARNING, name + ": closing the connection, protocol violation: " + e.getMessage());
    } catch (IOException e) {
      if (!closing) {
        LOG.log(Level.DEBUG, name + ": connection ended: " + e);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, name + ": closing the connection after an internal error", e);
    } finally {
      closing = true;
      for (AdbStream s : new ArrayList<>(streams.values())) {
        s.onClosed();
      }
      streams.clear();
    }
  }

  private void messageStarted(DeadlineInput deadlines) {
    if (connected) { // before CNXN the handshake deadline bounds everything
      deadlines.until(System.nanoTime() + defense.message().toNanos(), "a message stalled: it"
          + " did not arrive whole within " + defense.message().toMillis() + " ms");
    }
  }

  private void betweenMessages(DeadlineInput deadlines, long handshake) {
    if (promptPending) {
      deadlines.until(0, ""); // adbd keeps an unauthorized transport while its prompt is shown
    } else if (!connected) {
      deadlines.until(handshake, "no CNXN within " + defense.handshake().toMillis()
          + " ms of connecting");
    } else if (!defense.idle().isZero() && streams.isEmpty()) {
      deadlines.until(System.nanoTime() + defense.idle().toNanos(), "idle for "
          + defense.idle().toMillis() + " ms with no stream open");
    } else {
      deadlines.until(0, "");
    }
  }

  private void handle(AdbMessage m) throws IOException {
    if (m.command() == AdbMessage.A_CNXN) {
      if (m.arg1() <= 0) {
        throw new AdbMessage.AdbProtocolException("CNXN with maxdata " + m.arg1() + ": must be positive");
      }
      version = Math.min(m.arg0(), AdbMessage.VERSION);
      maxPayload = Math.min(m.arg1(), AdbMessage.MAX_PAYLOAD);
      if (!device.options().profile().authorized()) {
        sendAuthToken();
        return;
      }
      connected = true;
      send(new AdbMessage(AdbMessage.A_CNXN, AdbMessage.VERSION, AdbMessage.MAX_PAYLOAD,
          device.banner().getBytes(StandardCharsets.UTF_8)));
      return;
    }
    if (!connected && m.command() == AdbMessage.A_AUTH && !device.options().profile().authorized()) {
      if (m.arg0() == AUTH_SIGNATURE) {
        sendAuthToken(); // no key is known: ask again, as adbd does until the host sends its key
      } else if (m.arg0() == AUTH_RSAPUBLICKEY) {
        promptPending = true; // the "Allow USB debugging?" prompt; nobody will answer it
      }
      return;
    }
    if (!connected) {
      throw new AdbMessage.AdbProtocolException(m + " before CNXN");
    }
    switch (m.command()) {
      case AdbMessage.A_OPEN -> open(m);
      case AdbMessage.A_OKAY -> {
        AdbStream s = streams.get(m.arg1());
        if (s != null && s.remoteId == m.arg0()) {
          s.onOkay();
        }
      }
      case AdbMessage.A_WRTE -> {
        AdbStream s = streams.get(m.arg1());
        if (s != null && s.remoteId == m.arg0()) {
          s.onWrite(m.payload());
        }
      }
      case AdbMessage.A_CLSE -> {
        AdbStream s = streams.get(m.arg1());
        if (s != null && s.remoteId == m.arg0()) {
          streams.remove(m.arg1());
          s.onRemoteClose();
        }
      }
      case AdbMessage.A_AUTH, AdbMessage.A_STLS, AdbMessage.A_SYNC ->
          LOG.log(Level.DEBUG, name + ": ignoring " + m + " (no authentication or TLS offered)");
      default -> throw new AdbMessage.AdbProtocolException("unknown command " + m);
    }
  }

  private static final int AUTH_TOKEN = 1;
  private static final int AUTH_SIGNATURE = 2;
  private static final int AUTH_RSAPUBLICKEY = 3;

  private void sendAuthToken() throws IOException {
    byte[] token = new byte[20];
    new java.security.SecureRandom().nextBytes(token);
    send(new AdbMessage(AdbMessage.A_AUTH, AUTH_TOKEN, 0, token));
  }

  private void open(AdbMessage m) throws IOException {
    int remoteId = m.arg0();
    if (remoteId == 0) {
      throw new AdbMessage.AdbProtocolException("OPEN with local-id 0");
    }
    String service = m.payloadString();
    Optional<ServiceRequest> request = ServiceRequest.parse(service);
    if (request.isEmpty() || streams.size() >= MAX_STREAMS) {
      LOG.log(Level.DEBUG, name + ": refusing service '" + service + "'"
          + (request.isEmpty() ? " (not offered)" : " (" + MAX_STREAMS + " streams open)"));
      send(AdbMessage.of(AdbMessage.A_CLSE, 0, remoteId));
      return;
    }
    int localId = nextId.getAndIncrement();
    AdbStream stream = new AdbStream(this, localId, remoteId, request.get(), device.faults());
    streams.put(localId, stream);
    send(AdbMessage.of(AdbMessage.A_OKAY, localId, remoteId));
    try {
      device.serve(stream);
    } catch (RejectedExecutionException e) {
      stream.finish(); // device closing
    }
  }

  /**
   * Clients that leave Nagle on (dadb 1.x) hold each small message until the previous one is
   * ACKed, and Linux delays that ACK by up to 40 ms: acknowledging at once (re-armed after every
   * read, as the kernel clears it) keeps a direct dadb round trip near a millisecond.
   */
  private void quickAck() {
    if (quickAck) {
      try {
        socket.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
      } catch (IOException | UnsupportedOperationException e) {
        quickAck = false; // not Linux: only the latency suffers
      }
    }
  }

  void send(AdbMessage m) throws IOException {
    byte[] bytes = m.encode(version < AdbMessage.VERSION_SKIP_CHECKSUM);
    synchronized (out) {
      out.write(bytes);
      out.flush();
    }
  }

  void sendQuietly(AdbMessage m) {
    try {
      send(m);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, name + ": could not send " + m + ": " + e);
    }
  }

  void forget(AdbStream stream) {
    streams.remove(stream.localId, stream);
  }

  int openStreams() {
    return streams.size();
  }

  /** Whether {@link #close} or the reader's end closed it (it may still be leaving the map). */
  boolean closed() {
    return closing;
  }

  /** Closes the socket; the reader thread then ends and wakes every stream. */
  void close() {
    closing = true;
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, name + ": close: " + e);
    }
    for (AdbStream s : streams.values()) {
      s.onClosed(); // frees a reader blocked on a full inbox; the socket close alone would not
    }
  }

  /** Resets the connection (RST, no FIN), as a pulled cable or a killed adbd looks to the host. */
  void abort() {
    closing = true;
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, name + ": linger: " + e);
    }
    close();
  }

  @Override
  public String toString() {
    return name;
  }
}
