/// Namespace placeholder; the jq engine lands here.
public enum JSONQuery {}
