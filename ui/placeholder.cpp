namespace fieldledger::ui {
}
