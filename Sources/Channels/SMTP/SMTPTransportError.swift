/// What went wrong below the level of replies: the connection, the clock, TLS or the server's grammar.
enum SMTPTransportError: Error, Sendable, Hashable {
    /// No reply within the command timeout; the connection was closed.
    case timeout
    /// The connection closed (or was already closed) before the reply came.
    case closed
    /// The server sent something that is not an SMTP reply.
    case malformedReply(String)
    /// A reply arrived that no command asked for.
    case unexpectedReply(String)
    /// The TLS handshake or record layer failed.
    case tls(String)
    /// Another I/O failure.
    case io(String)
}
