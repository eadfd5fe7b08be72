/** Code blocks of a Markdown document that tests run as written: each fenced block, with the tag of a `<!-- tested: NAME -->` line right before it. */

export interface Block {
  lang: string;
  body: string;
  tag?: string;
}

export function codeBlocks(markdown: string): Block[] {
  const found: Block[] = [];
  for (const m of markdown.matchAll(/(?:^<!-- tested: ([\w-]+) -->\n)?^```(\w*)[^\n]*\n([\s\S]*?)^```$/gm)) {
    found.push({ tag: m[1], lang: m[2], body: m[3] });
  }
  return found;
}

/** The body of the one block tagged `tag`; `doc` names the document in the error. */
export function taggedBlock(blocks: readonly Block[], tag: string, doc: string): string {
  const matches = blocks.filter((b) => b.tag === tag);
  if (matches.length !== 1) throw new Error(`${doc} has ${matches.length} blocks tagged ${tag}, expected 1`);
  return matches[0].body;
}
