// Generated from core/src/rules/*.rs by `UPDATE_GENERATED=1 cargo test -p measure-rules --test generated`. Do not edit by hand.
/** What a rule's documentation says, in Markdown (English), under the rule reference's headings. */
export interface RuleDocs {
    /** What the rule checks. */
    what: string;
    /** Why it matters. */
    why: string;
    /** A measure that fails, and what passes. */
    example: string;
}

/** Each rule's documentation by its id: every id `rules()` lists, and no other (a custom rule's is its rule set's `description`). */
export declare const RULE_DOCS: Readonly<Record<string, RuleDocs | undefined>>;
