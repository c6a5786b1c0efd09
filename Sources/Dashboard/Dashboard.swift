import Foundation

/// The dashboard "Pilote automatique": server-rendered pages over the engine, for the shop owner and the sales team.
///
/// Pages are view models rendered by Mustache templates (`Resources/templates`), charts are SVG drawn by pure
/// functions (`Charts/`), and every route is scoped to the tenant of the signed-in user.
public enum Dashboard {}
