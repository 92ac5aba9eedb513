//! The shared structural vocabulary: what a syntax node *does*, independent of
//! the grammar that produced it. Similarity search reads trees through this.

use serde::{Deserialize, Serialize};

/// The role of a syntax node, shared by every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NodeClass {
    Function,
    Lambda,
    Class,
    Block,
    Loop,
    Branch,
    Switch,
    Case,
    Call,
    Assign,
    AugAssign,
    Declaration,
    Binary,
    Unary,
    Compare,
    Ternary,
    Index,
    Member,
    Return,
    Break,
    Continue,
    Try,
    Catch,
    Throw,
    Identifier,
    NumberLit,
    StringLit,
    BoolLit,
    NullLit,
    CollectionLit,
    Parameter,
    Type,
    Comment,
    /// Structure that carries no meaning of its own (parentheses, wrappers).
    Transparent,
    Other,
}

/// Classify a node kind by the conventions tree-sitter grammars share.
pub fn generic(kind: &str) -> NodeClass {
    use NodeClass::*;
    match kind {
        "comment" | "line_comment" | "block_comment" => return Comment,
        "identifier"
        | "field_identifier"
        | "property_identifier"
        | "type_identifier"
        | "shorthand_property_identifier"
        | "namespace_identifier" => {
            return if kind == "type_identifier" {
                Type
            } else {
                Identifier
            };
        }
        "true" | "false" | "boolean_literal" => return BoolLit,
        "null" | "none" | "nil" | "None" | "null_literal" | "nullptr" | "undefined" => {
            return NullLit;
        }
        "parenthesized_expression" | "expression_statement" | "parenthesized_declarator" => {
            return Transparent;
        }
        "return_statement" | "return_expression" => return Return,
        "break_statement" | "break_expression" => return Break,
        "continue_statement" | "continue_expression" => return Continue,
        "conditional_expression" | "ternary_expression" => return Ternary,
        "subscript_expression"
        | "index_expression"
        | "array_access"
        | "element_reference"
        | "subscript" => {
            return Index;
        }
        "unary_expression" | "not_operator" | "update_expression" | "pointer_expression"
        | "inc_statement" | "dec_statement" => {
            return Unary;
        }
        "comparison_operator" => return Compare,
        "augmented_assignment" | "augmented_assignment_expression" | "compound_assignment_expr" => {
            return AugAssign;
        }
        _ => {}
    }
    let has = |s: &str| kind.contains(s);
    if has("lambda") || has("arrow_function") || has("closure") || kind == "func_literal" {
        Lambda
    } else if has("function")
        || has("method_declaration")
        || has("method_definition")
        || has("constructor_declaration")
    {
        Function
    } else if has("class")
        || has("struct_item")
        || has("struct_specifier")
        || has("interface_declaration")
    {
        Class
    } else if has("for") || has("while") || has("loop") || kind == "do_statement" {
        Loop
    } else if has("if_") || kind == "if_statement" || kind == "else_clause" || kind == "elif_clause"
    {
        Branch
    } else if has("switch") || has("match_expression") || has("select_statement") {
        Switch
    } else if has("case") || has("match_arm") || has("default_") {
        Case
    } else if has("call")
        || has("invocation")
        || has("new_expression")
        || has("object_creation")
        || has("macro_invocation")
    {
        Call
    } else if has("assignment") {
        Assign
    } else if has("declaration")
        || has("let_")
        || has("var_spec")
        || has("short_var")
        || has("declarator")
    {
        Declaration
    } else if has("binary") || has("boolean_operator") {
        Binary
    } else if has("field_expression")
        || has("member_expression")
        || has("attribute")
        || has("selector_expression")
        || has("field_access")
        || has("scoped_identifier")
    {
        Member
    } else if has("try") {
        Try
    } else if has("catch") || has("except") {
        Catch
    } else if has("throw") || has("raise") || has("panic") {
        Throw
    } else if has("string")
        || has("char_literal")
        || has("character_literal")
        || has("template") && has("literal")
    {
        StringLit
    } else if has("number")
        || has("integer")
        || has("float")
        || has("int_literal")
        || has("decimal")
        || has("hex_")
    {
        NumberLit
    } else if has("array")
        || has("list") && !has("parameter") && !has("argument")
        || has("dictionary")
        || has("tuple")
        || has("set") && has("literal")
        || has("initializer_list")
        || kind == "object"
    {
        CollectionLit
    } else if has("parameter") {
        Parameter
    } else if has("block") || has("body") || has("compound_statement") || has("statement_block") {
        Block
    } else if has("type") {
        Type
    } else {
        Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_kinds() {
        assert_eq!(generic("for_statement"), NodeClass::Loop);
        assert_eq!(generic("while_expression"), NodeClass::Loop);
        assert_eq!(generic("if_statement"), NodeClass::Branch);
        assert_eq!(generic("call_expression"), NodeClass::Call);
        assert_eq!(generic("function_definition"), NodeClass::Function);
        assert_eq!(generic("binary_expression"), NodeClass::Binary);
        assert_eq!(generic("subscript_expression"), NodeClass::Index);
        assert_eq!(generic("string_literal"), NodeClass::StringLit);
        assert_eq!(generic("number_literal"), NodeClass::NumberLit);
        assert_eq!(generic("parameter_list"), NodeClass::Parameter);
        // Python `xs[i]`, Go `i++`.
        assert_eq!(generic("subscript"), NodeClass::Index);
        assert_eq!(generic("inc_statement"), NodeClass::Unary);
    }
}
