//! `POST /shout`: the request's text in capitals, with an exclamation mark.

weft_guest::export! {
    fn shout(text: &str) -> String {
        format!("{}!", text.trim_end().to_uppercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shouts() {
        assert_eq!(shout("hello"), "HELLO!");
        assert_eq!(shout("straße \n"), "STRASSE!");
    }
}
