# language: de
Funktionalität: Begrüßung
  Ein Merkmal auf Deutsch, um Dialekte zu prüfen.

  Szenario: Hallo sagen
    Angenommen ein Rechner
    Wenn ich 1 und 1 addiere
    Dann ist das Ergebnis 2
