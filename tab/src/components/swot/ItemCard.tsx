import { Badge, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useBoard } from '../../swot/board-context';
import { isSafeLink } from '../../swot/evidence-input';
import { TAG_LABELS } from '../../swot/quadrants';
import type { Evidence, Item } from '../../swot/swot-schemas';
import { startItemDrag } from '../../swot/use-drop-target';
import { DotControls } from './DotControls';
import { ItemMenu } from './ItemMenu';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  draggable: { cursor: 'grab' },
  text: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  evidence: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  author: { color: tokens.colorNeutralForeground2, minWidth: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

function EvidenceEntry({ evidence }: { evidence: Evidence }) {
  if (evidence.kind === 'note') return <li>{evidence.text}</li>;
  return (
    <li>
      {isSafeLink(evidence.url) ? (
        <Link href={evidence.url} target="_blank" rel="noopener noreferrer" inline>
          {evidence.url}
        </Link>
      ) : (
        evidence.url
      )}
    </li>
  );
}

/** One SWOT item: text, tag, evidence, author, dots, and (on an open board) its actions; drag it to group it. */
export function ItemCard({ item }: { item: Item }) {
  const styles = useStyles();
  const board = useBoard();
  const draggable = !board.readOnly;
  return (
    <li
      className={mergeClasses(styles.card, draggable && styles.draggable)}
      draggable={draggable}
      onDragStart={draggable ? (event) => startItemDrag(event, item.id) : undefined}
      data-item-id={item.id}
    >
      <p className={styles.text}>{item.text}</p>
      {(item.tag || item.promotion) && (
        <div className={styles.badges}>
          {item.tag && (
            <Badge appearance="tint" color={item.tag === 'root-cause' ? 'important' : 'informative'}>
              {TAG_LABELS[item.tag]}
            </Badge>
          )}
          {item.promotion && (
            <Badge appearance="tint" color="success">
              Promoted
            </Badge>
          )}
        </div>
      )}
      {item.evidence.length > 0 && (
        <ul className={styles.evidence} aria-label="Evidence">
          {item.evidence.map((evidence, index) => (
            <EvidenceEntry key={index} evidence={evidence} />
          ))}
        </ul>
      )}
      <div className={styles.footer}>
        <Text size={200} className={styles.author}>
          {item.author.name}
        </Text>
        <div className={styles.actions}>
          <DotControls item={item} />
          {!board.readOnly && <ItemMenu item={item} />}
        </div>
      </div>
    </li>
  );
}
