"""Pure posterior/anterior chain balance analytics (method pcb-1, BALANCE_METHOD.md); no I/O."""
