/// The tutorials' `lp.env` sample as published (`../shared/corpus/tutorial-commands.jsonl`, seq 7 and 8):
/// a TAB plus prose after the account, `*` bullet lines that are not `NAME=VALUE`, then the JWT.
public enum TutorialEnvFiles {
    /// The account the sample sets.
    public static let account = "qa57221676"

    /// The JWT the sample sets.
    public static let jwt =
        "eyJraWQiOiIwMDAwMSIsInR5cCI6IkpXVCIsImFsZyI6IlJTMjU2In0"
        + ".eyJzdWIiOiJmMDY4ZTllZi1lMzkzLTQxYTEtYmMyYy1hOTZhOWZmMGY2ZmIiLCJhdWQiOiJhY2M6cWE1NzIyMTY3NiIsImlzcyI6Imh0"
        + "dHBzOlwvXC9pZHAubGl2ZXBlcnNvbi5uZXQiLCJleHAiOjE4ODIwMjM2MzIsImlhdCI6MTQ3MTc4MzU5Mn0"
        + ".HUJe1CZzqzRoJJxoTll_vDvRalKIeJJRt2MEhY-aFq__V6lrN-ebrRxydozm-gjbpMecKiZDZZiJPw3hf560iKbW-gK1AzsfHxiPrxMdg"
        + "_TRZqsNhXui_7k579IpfAvKSdgQHZ5uLfGq2XtQNfBdvKWPCIAfW8mJ7oZT-aNMhjE"

    /// seq 7 (current page): one TAB before the prose, no trailing newline.
    public static let current =
        "LP_ACCOUNT=qa57221676\tput your account id here\n\n"
        + "* Put here the JWT you have created in this tutorial\n"
        + "* You can use echo $LP_JWT from your lp-shell to view it\n"
        + "LP_JWT=" + jwt

    /// seq 8 (older revision): a leading blank line, five TABs before the prose, lower-case `jwt`.
    public static let historical =
        "\nLP_ACCOUNT=qa57221676\t\t\t\t\tput your account id here\n\n"
        + "* Put here the jwt you have created in this tutorial\n"
        + "* You can use echo $LP_JWT from your lp-shell to view it\n"
        + "LP_JWT=" + jwt + "\n"
}
