import Foundation

/// What an HTTP answer from a CRM means for the records it carried.
public enum CRMAnswer: Sendable, Equatable {
    /// Accepted (2xx); the body says what became of each record.
    case accepted
    /// The CRM cannot take anything now (rate limited: 429; unavailable: 502, 503, 504): the records are not at fault, so the
    /// CRM pauses (`retryAfter` when it said) and the records keep their attempts.
    case unavailable(retryAfter: TimeInterval?)
    /// The CRM refused the request (any other status): each record it carried spends an attempt.
    case refused(retryAfter: TimeInterval?)

    /// Classifies a status and its `Retry-After` header (already read as seconds).
    public static func classify(status: Int, retryAfter: TimeInterval?) -> CRMAnswer {
        switch status {
        case 200..<300: .accepted
        case 429, 502, 503, 504: .unavailable(retryAfter: retryAfter)
        default: .refused(retryAfter: retryAfter)
        }
    }
}
