import Content
import Engine
import Foundation

/// The signed-in person looking at a page: their session, language and the shop's time zone.
struct Viewer: Sendable {
    let session: DashboardSession
    let language: ContentLanguage
    let timeZone: TimeZone

    var user: DashboardUser { session.user }
    var tenantID: String { session.user.tenantID }
    var canEdit: Bool { session.user.role.canEdit }
    var canManageUsers: Bool { session.user.role.canManageUsers }
    var strings: Strings { Strings(language) }
    var format: DisplayFormat { DisplayFormat(language: language, timeZone: timeZone) }
}

extension Viewer {
    /// A flow's name in the viewer's language (a built-in flow the shop has not renamed has French words too).
    func flowName(id: String, name: String) -> String { BuiltinWords.flowName(id: id, name: name, language: language) }
}
