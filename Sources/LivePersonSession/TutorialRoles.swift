import ShellRuntime

/// What the tutorials say about the session's variables, read from their data (`Tutorial.creator(of:)`,
/// `refresh:`), for the advice, `tokens refresh` and autorefresh: no step number or token name is written here.
enum TutorialRoles {
    /// The tutorial whose `refresh:` steps renew the tokens: the chosen one (`tutorial use`) if it has them, else
    /// the default one, else the first that declares any.
    static func refreshing(environment: [String: String], chosen: String?) -> Tutorial? {
        let tutorials = TutorialCatalog.load(environment: environment).tutorials.filter { !$0.refreshSteps.isEmpty }
        return tutorials.first { $0.name == chosen } ?? tutorials.first { $0.name == TutorialCatalog.defaultName }
            ?? tutorials.first
    }

    /// Where `variable` comes from, in words: `step 1 of the unauthenticated tutorial creates it (`step 1`)`, or,
    /// when several tutorials create it, `create it with `step 2` (unauthenticated tutorial) or `tutorial use
    /// getting-started; step 1``; nil when no tutorial creates it.
    static func origin(of variable: String, environment: [String: String], chosen: String?) -> String? {
        let current = chosen ?? TutorialCatalog.defaultName
        let all = TutorialCatalog.load(environment: environment).tutorials
            .compactMap { tutorial in tutorial.creator(of: variable).map { (tutorial, $0) } }
        let creators = all.filter { $0.0.name == current } + all.filter { $0.0.name != current }
        guard let (tutorial, step) = creators.first else { return nil }
        func command(_ tutorial: Tutorial, _ step: Tutorial.Step) -> String {
            tutorial.name == current ? "`step \(step.number)`" : "`tutorial use \(tutorial.name); step \(step.number)`"
        }
        if creators.count == 1 {
            return "step \(step.number) of the \(tutorial.name) tutorial creates it (\(command(tutorial, step)))"
        }
        let first = "\(command(tutorial, step)) (\(tutorial.name) tutorial)"
        return "create it with "
            + ([first] + creators.dropFirst().map { command($0.0, $0.1) }).joined(separator: " or ")
    }
}
