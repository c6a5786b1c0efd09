/// What the publishers need of an article: its title, its body as HTML (without the title) and its meta description.
public protocol PublishableArticle: Sendable {
    var title: String { get }
    var bodyHTML: String { get }
    var metaDescription: String { get }
}
