import AutopilotCore
import Flows
import Foundation
import Storage

extension TemplateService {
    /// `POST /v1/templates`: a new draft from a whole template document — version 1 of a new name, or the next version
    /// of a name the tenant (or the library) already has, such as a copy of a built-in template to edit.
    public func create(_ document: JSONObject) async throws -> TemplateView {
        let template = try TemplateDocument.template(from: document)
        let versions = try await dependencies.store.templateVersions(name: template.name, tenantID: tenantID)
        try checkChannel(of: template, versions: versions)
        return try await save(template, replacingVersion: nil)
    }

    /// `PATCH /v1/templates/{id}`: applies a JSON merge patch. A draft changes in place; an active or archived version,
    /// or a built-in template, gives a new draft version (what flows send does not change until it is activated).
    public func update(id: String, patch: JSONObject) async throws -> TemplateView {
        let resolved = try await resolve(id)
        let template = try TemplateDocument.template(base: resolved.view.template, patch: patch)
        try checkChannel(of: template, versions: resolved.versions)
        let draft = resolved.record.flatMap { $0.status == .draft ? $0.version : nil }
        return try await save(template, replacingVersion: draft)
    }

    private func save(_ template: MessageTemplate, replacingVersion: Int?) async throws -> TemplateView {
        let record = template.draftRecord(tenantID: tenantID, at: dependencies.clock.now())
        let saved = try await dependencies.store.saveTemplateDraft(record, replacingVersion: replacingVersion)
        guard let view = view(saved) else { throw NotFoundError(what: "template \(template.name)") }
        return view
    }

    /// Flows send a name on one channel: a tenant's version keeps the channel of the built-in template and of its earlier versions.
    private func checkChannel(of template: MessageTemplate, versions: [TemplateRecord]) throws {
        let expected = builtIn[template.name]?.channel.rawValue ?? versions.last?.channel
        if let expected, expected != template.channel.rawValue {
            throw ValidationError(
                code: "invalid_template", field: "channel",
                message: "\"\(template.channel.rawValue)\" differs from \(expected), the channel flows send \(template.name) on; use another name")
        }
    }
}
