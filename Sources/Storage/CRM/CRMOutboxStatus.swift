/// Where a row of the CRM outbox stands. Raw values are persisted (`crm_outbox.status`) and never change.
public enum CRMOutboxStatus: String, Sendable, Hashable, CaseIterable {
    /// Waiting for its next attempt.
    case queued
    /// The CRM took it; the row holds the CRM's id for it.
    case sent
    /// Its attempts ran out; the row holds the last error.
    case failed

    /// The status a stored text stands for. A missing one reads as `queued`, as before; a text no version wrote reads as
    /// `failed`, so the row is neither sent again nor taken for sent.
    public init(stored text: String?) {
        guard let text else {
            self = .queued
            return
        }
        self = CRMOutboxStatus(rawValue: text) ?? .failed
    }
}
