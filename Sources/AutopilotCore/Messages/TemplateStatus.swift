/// Where a template is in its life. Raw values are persisted.
public enum TemplateStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Being written; flows cannot send it.
    case draft
    /// Checked and in use.
    case active
    /// Kept for history; flows cannot send it.
    case archived
}
