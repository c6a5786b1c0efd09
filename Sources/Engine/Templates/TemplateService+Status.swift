import AutopilotCore
import Flows
import Foundation
import Storage

extension TemplateService {
    /// `POST /v1/templates/{id}/activate`: checks the version (`TemplateCheck`: well-formed Mustache, known variables,
    /// legal mentions, a clean render with sample data) and makes it the one flows send; the name's previously active
    /// version is archived in the same transaction. A failed check throws `ValidationError` naming the field and reason.
    /// Activating `NAME@builtin` archives the tenant's active version, so that flows send the built-in template again.
    public func activate(id: String) async throws -> TemplateView {
        let resolved = try await resolve(id)
        let now = dependencies.clock.now()
        guard let record = resolved.record else {
            if let active = resolved.versions.first(where: { $0.status == .active }) {
                _ = try await dependencies.store.changeTemplateStatus(
                    name: active.name, version: active.version, tenantID: tenantID, to: .archived, expectedDocument: nil,
                    at: now)
            }
            var view = resolved.view
            view.inUse = true
            return view
        }
        if record.status == .active { return resolved.view }
        let problems = TemplateCheck.problems(in: resolved.view.template)
        guard problems.isEmpty else {
            throw DocumentValidationError(code: "template_check_failed", issues: problems).validationError
        }
        return try await change(record, to: .active, expectedDocument: record.document, at: now)
    }

    /// `POST /v1/templates/{id}/archive`: the version is kept for history and no longer sent (flows fall back to the
    /// built-in template of the name, when there is one). Built-in templates cannot be archived.
    public func archive(id: String) async throws -> TemplateView {
        let resolved = try await resolve(id)
        guard let record = resolved.record else {
            throw ValidationError(
                code: "builtin_template", field: "id",
                message: "\(resolved.view.id) is built in and cannot be archived; activate a version of your own or disable the flows that send it")
        }
        return try await change(record, to: .archived, expectedDocument: nil, at: dependencies.clock.now())
    }

    private func change(_ record: TemplateRecord, to status: TemplateStatus, expectedDocument: String?, at now: Date) async throws -> TemplateView {
        let changed = try await dependencies.store.changeTemplateStatus(
            name: record.name, version: record.version, tenantID: tenantID, to: status, expectedDocument: expectedDocument, at: now)
        guard let changed, let view = view(changed) else { throw NotFoundError(what: "template \(record.name)@\(record.version)") }
        return view
    }
}
