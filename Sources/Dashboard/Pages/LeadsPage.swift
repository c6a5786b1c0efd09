import AutopilotCore
import Engine
import Foundation
import Scoring
import Storage

/// Leads: every lead of the shop, best score first, with its temperature, source, company and last contact; filtered by
/// temperature and source, searched by name, email or company, 50 to a page.
struct LeadsPage {
    static let pageSize = 50
    static let tiers = LeadTier.allCases.map(\.rawValue)

    let app: DashboardApp
    let viewer: Viewer

    func view(_ request: PageRequest) async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        let store = app.dependencies.store
        let tier = request.text("tier").flatMap { Self.tiers.contains($0) ? $0 : nil }
        let search = request.text("q").map { String($0.prefix(200)) }
        let page = max(1, request.integer("page") ?? 1)
        let sources = try await store.leadSources(tenantID: viewer.tenantID)
        let source = request.text("source").flatMap { sources.contains($0) ? $0 : nil }
        let query = LeadListQuery(tier: tier, source: source, search: search, page: page, pageSize: Self.pageSize)
        let result = try await store.leadList(query, tenantID: viewer.tenantID)
        let rows = result.rows.map { row -> [String: Any] in
            [
                "href": "/leads/\(row.id)", "name": LeadWords.name(row, strings: strings), "email": TemplateValue.optional(row.email),
                "company": row.company ?? "",
                "source": row.source ?? "", "score": row.score.map(String.init) ?? "–",
                "tier": LeadWords.tier(row.tier, strings: strings), "tierClass": LeadWords.tierClass(row.tier),
                "status": TemplateValue.optional(row.status == .open ? nil : strings["lead_status_\(row.status.rawValue)"]),
                "lastContact": row.lastContactAt.map(format.date) ?? strings["leads_never_contacted"],
                "lastContactTime": TemplateValue.optional(row.lastContactAt.map(format.machineTime)),
            ]
        }
        let pages = max(1, (result.total + Self.pageSize - 1) / Self.pageSize)
        func link(_ page: Int) -> String {
            var parts: [String] = []
            if let tier { parts.append("tier=" + tier) }
            if let source { parts.append("source=" + Self.encode(source)) }
            if let search { parts.append("q=" + Self.encode(search)) }
            if page > 1 { parts.append("page=\(page)") }
            return "/leads" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        }
        let model: [String: Any] = [
            "rows": rows, "hasRows": !rows.isEmpty,
            "count": strings.format("leads_count", format.number(result.total)),
            "search": search ?? "",
            "tiers": Self.tiers.map { ["value": $0, "label": LeadWords.tier($0, strings: strings), "selected": $0 == tier] as [String: Any] },
            "sources": sources.map { ["value": $0, "label": $0, "selected": $0 == source] as [String: Any] },
            "hasSources": !sources.isEmpty,
            "filtered": tier != nil || source != nil || search != nil,
            "pageLabel": strings.format("leads_page", format.number(min(page, pages)), format.number(pages)),
            "previous": TemplateValue.optional(page > 1 ? link(page - 1) : nil), "next": TemplateValue.optional(page < pages ? link(page + 1) : nil),
            "paginated": pages > 1,
        ]
        return PageView(template: "leads", title: strings["nav_leads"], section: "leads", model: model)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

/// Plain words for a lead's fields, shared by the lists and the detail pages.
enum LeadWords {
    static func name(_ row: LeadRow, strings: Strings) -> String {
        let name = [row.firstName, row.lastName].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
        return name.isEmpty ? (row.email ?? strings["leads_unnamed"]) : name
    }

    /// chaud / tiède / frais / froid — hot / warm / cool / cold; "not scored" for none.
    static func tier(_ tier: String?, strings: Strings) -> String {
        guard let tier, LeadTier(rawValue: tier) != nil else { return strings["lead_tier_none"] }
        return strings["lead_tier_\(tier)"]
    }

    static func tierClass(_ tier: String?) -> String {
        switch tier {
        case "hot": "bad"
        case "warm": "warn"
        case "cool": "info"
        default: ""
        }
    }
}
