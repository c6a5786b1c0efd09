import AutopilotCore
import Foundation

/// A tenant's message templates, version by version. Each operation is one transaction and is scoped by tenant.
public protocol TemplateStore: Sendable {
    /// Every version of every template of the tenant, by name then version.
    func templates(tenantID: String) async throws -> [TemplateRecord]
    /// The versions of one template name, oldest first.
    func templateVersions(name: String, tenantID: String) async throws -> [TemplateRecord]
    /// The tenant's active versions (one per name at most): what the dispatcher sends.
    func activeTemplates(tenantID: String) async throws -> [TemplateRecord]
    /// Saves a draft. When `replacingVersion` names a version that is still a draft, that version is changed in place;
    /// otherwise the draft is added as the next version of the name (one more than the highest, 1 for a new name).
    /// `record.version` and `record.status` are ignored; returns the stored version.
    func saveTemplateDraft(_ record: TemplateRecord, replacingVersion: Int?) async throws -> TemplateRecord
    /// Moves a version to `status` (`draft`, `active` or `archived`); activating it archives the name's previously
    /// active version in the same transaction. When `expectedDocument` is given and the stored document differs, throws
    /// `TemplateChangedError` and writes nothing. Returns the changed version, or nil when it does not exist.
    func changeTemplateStatus(name: String, version: Int, tenantID: String, to status: TemplateStatus, expectedDocument: String?, at: Date)
        async throws
        -> TemplateRecord?
}
