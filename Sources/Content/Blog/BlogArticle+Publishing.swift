import Integrations

/// An article goes to WordPress, Facebook and LinkedIn as it is.
extension BlogArticle: PublishableArticle {}
