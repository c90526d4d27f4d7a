import type { PolicyBlockView } from '../ipc';

type PolicyBlocksProps = {
  blocks: PolicyBlockView[];
  /** Heading level the policy's own level-1 headings are shown at (the page has its own h1). */
  topLevel?: 2 | 3;
};

/** A policy version's text: its headings, paragraphs and lists, as text (never as HTML). */
export function PolicyBlocks({ blocks, topLevel = 2 }: PolicyBlocksProps) {
  return (
    <div className="custodian-policy-text">
      {blocks.map((block, index) => {
        const key = `${block.kind}-${index}`;
        switch (block.kind) {
          case 'heading': {
            const level = Math.min(topLevel + block.level - 1, 4);
            const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
            const size = level === 2 ? 'nhsuk-heading-m' : 'nhsuk-heading-s';
            return (
              <Tag key={key} className={size}>
                {block.text}
              </Tag>
            );
          }
          case 'paragraph':
            return <p key={key}>{block.text}</p>;
          case 'list':
            return block.ordered ? (
              <ol key={key} className="nhsuk-list nhsuk-list--number">
                {block.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ol>
            ) : (
              <ul key={key} className="nhsuk-list nhsuk-list--bullet">
                {block.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            );
        }
      })}
    </div>
  );
}
