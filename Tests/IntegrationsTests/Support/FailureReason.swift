import Integrations
import Testing

/// The reason a verification refused, or nil when it passed.
func failureReason(_ attempt: () throws -> Void) -> SignatureFailure.Reason? {
    do {
        try attempt()
        return nil
    } catch let failure as SignatureFailure {
        return failure.reason
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}
