/// Where in the dialogue a failure happened: it decides the failure's code and goes into its reason.
enum SMTPStage: Sendable, Hashable, CustomStringConvertible {
    case connect
    case greeting
    case hello
    case startTLS
    case authentication
    case mailFrom
    case recipient(String)
    case data
    case messageBody
    case reset

    var description: String {
        switch self {
        case .connect: "connecting"
        case .greeting: "the greeting"
        case .hello: "EHLO"
        case .startTLS: "STARTTLS"
        case .authentication: "AUTH"
        case .mailFrom: "MAIL FROM"
        case .recipient(let address): "RCPT TO <\(address)>"
        case .data: "DATA"
        case .messageBody: "the end of the message data"
        case .reset: "RSET"
        }
    }
}

/// A failed exchange: what to tell the dispatcher, and whether the connection can still carry another message.
struct SMTPSessionFailure: Error, Sendable {
    var failure: SendFailure
    var connectionReusable: Bool

    /// A negative reply: 4xx transient, 5xx permanent (`rejected_recipient` at RCPT, `auth_failed` at AUTH,
    /// `rejected_message` after the data, `server_error` elsewhere).
    static func reply(_ reply: SMTPReply, stage: SMTPStage, host: String) -> SMTPSessionFailure {
        let reason = "\(host) answered \(stage) with \(reply)"
        let reusable = reply.code != 421 && stage != .greeting && stage != .startTLS && stage != .hello
        if reply.isTransientNegative {
            let failure = SendFailure(code: "temporary_failure", reason: reason, isTransient: true)
            return SMTPSessionFailure(failure: failure, connectionReusable: reusable)
        }
        let code: String
        switch stage {
        case .recipient: code = "rejected_recipient"
        case .authentication: code = "auth_failed"
        case .messageBody: code = "rejected_message"
        default: code = reply.isPermanentNegative ? "server_error" : "protocol_error"
        }
        return SMTPSessionFailure(failure: SendFailure(code: code, reason: reason, isTransient: false), connectionReusable: reusable)
    }

    /// A transport failure: always transient, and the connection is gone.
    static func transport(_ error: SMTPTransportError, stage: SMTPStage, host: String) -> SMTPSessionFailure {
        let failure: SendFailure
        switch error {
        case .timeout:
            failure = SendFailure(code: "timeout", reason: "\(host) did not answer \(stage) in time", isTransient: true)
        case .closed:
            failure = SendFailure(code: "connection", reason: "\(host) closed the connection during \(stage)", isTransient: true)
        case .malformedReply(let detail), .unexpectedReply(let detail):
            failure = SendFailure(code: "protocol_error", reason: "\(host) broke the SMTP protocol during \(stage): \(detail)", isTransient: true)
        case .tls(let detail):
            failure = SendFailure(code: "tls", reason: "TLS with \(host) failed during \(stage): \(detail)", isTransient: true)
        case .io(let detail):
            failure = SendFailure(code: "connection", reason: "the connection to \(host) failed during \(stage): \(detail)", isTransient: true)
        }
        return SMTPSessionFailure(failure: failure, connectionReusable: false)
    }

    /// A failure decided on our side before or between commands (missing STARTTLS or AUTH support, bad address).
    static func local(code: String, reason: String, isTransient: Bool) -> SMTPSessionFailure {
        SMTPSessionFailure(failure: SendFailure(code: code, reason: reason, isTransient: isTransient), connectionReusable: false)
    }
}
