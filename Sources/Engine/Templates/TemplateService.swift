import AutopilotCore
import Flows
import Foundation
import Storage

/// A tenant's message templates: its own versions and the built-in ones, listed, edited, checked and activated.
///
/// A tenant's active version of a name is what flows send; without one, the built-in template of that name is.
/// Editing a draft changes it in place; editing an active or archived version (or a built-in one) creates a new draft
/// version, so a running flow never sees its template change.
public struct TemplateService: Sendable {
    public let dependencies: Dependencies
    public let tenantID: String
    /// The built-in templates, by name.
    let builtIn: [String: MessageTemplate]

    /// `builtIn` defaults to `TemplateLibrary.builtIn`.
    public init(dependencies: Dependencies, tenantID: String, builtIn: [MessageTemplate]? = nil) {
        self.dependencies = dependencies
        self.tenantID = tenantID
        var byName: [String: MessageTemplate] = [:]
        for template in builtIn ?? ((try? TemplateLibrary.builtIn) ?? []) { byName[template.name] = template }
        self.builtIn = byName
    }

    /// Every version the tenant wrote and the built-in templates it has not replaced with an active version of its own,
    /// by name (built-in first, then by version); optionally only one channel or one status.
    public func list(channel: Channel? = nil, status: TemplateStatus? = nil) async throws -> [TemplateView] {
        let records = try await dependencies.store.templates(tenantID: tenantID)
        let activeNames = Set(records.filter { $0.status == .active }.map(\.name))
        var views = records.compactMap(view)
        views += builtIn.values.filter { !activeNames.contains($0.name) }.map { TemplateView(source: .builtIn, template: $0, inUse: true) }
        let order = { (view: TemplateView) in (view.template.name, view.source == .builtIn ? 0 : view.template.version) }
        return
            views
            .filter { view in channel.map { view.template.channel == $0 } ?? true }
            .filter { view in status.map { view.template.status == $0 } ?? true }
            .sorted { order($0) < order($1) }
    }

    /// The template an id names (`NAME`, `NAME@VERSION`, `NAME@builtin`); `NotFoundError` when there is none.
    public func template(id: String) async throws -> TemplateView {
        try await resolve(id).view
    }

    // MARK: - Lookup

    /// What an id points at: one of the tenant's versions (with the others of its name) or a built-in template.
    struct Resolved {
        var view: TemplateView
        var record: TemplateRecord?
        var versions: [TemplateRecord]
    }

    func resolve(_ text: String) async throws -> Resolved {
        guard let id = TemplateID(text) else { throw NotFoundError(what: "template \(text)") }
        let versions = try await dependencies.store.templateVersions(name: id.name, tenantID: tenantID)
        let hasActive = versions.contains { $0.status == .active }
        let record: TemplateRecord?
        switch id.version {
        case .builtIn: record = nil
        case .current: record = versions.last
        case .number(let number):
            guard let found = versions.first(where: { $0.version == number }) else { throw NotFoundError(what: "template \(text)") }
            record = found
        }
        if let record {
            guard let view = view(record) else { throw NotFoundError(what: "template \(text)") }
            return Resolved(view: view, record: record, versions: versions)
        }
        guard let template = builtIn[id.name] else { throw NotFoundError(what: "template \(text)") }
        return Resolved(view: TemplateView(source: .builtIn, template: template, inUse: !hasActive), record: nil, versions: versions)
    }

    func view(_ record: TemplateRecord) -> TemplateView? {
        guard let template = MessageTemplate(record: record) else { return nil }
        return TemplateView(
            source: .tenant, template: template, inUse: template.status == .active, createdAt: record.createdAt, updatedAt: record.updatedAt)
    }
}
